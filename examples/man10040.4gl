#-------------------------------------------------------------------#
# PROGRAMA: man10040 - CADASTRO DE ROTEIROS (exemplo sintético)     #
# OBS.....: a chave MANENG foi repetida na lista por engano         #
#-------------------------------------------------------------------#
DATABASE logix

GLOBALS
   DEFINE p_cod_empresa   LIKE empresa.cod_empresa,
          p_user          LIKE usuario.nom_usuario
END GLOBALS

DEFINE m_cod_roteiro      LIKE roteiro.cod_roteiro

#-------------------#
 FUNCTION man10040()
#-------------------#
   IF LOG_initApp("MANENG,MANPCP,MANENG") <> 0 THEN
      RETURN
   END IF

   CALL man10040_menu()
END FUNCTION

#------------------------#
 FUNCTION man10040_menu()
#------------------------#
   OPEN WINDOW w_man10040 AT 2,2 WITH FORM "man10040"
        ATTRIBUTE(BORDER, MESSAGE LINE LAST, PROMPT LINE LAST)

   MENU "OPÇÃO"
      COMMAND "Incluir" "Inclui um roteiro"
         CALL man10040_inclui()
      COMMAND "Fim" "Retorna ao menu anterior"
         EXIT MENU
   END MENU

   CLOSE WINDOW w_man10040
END FUNCTION

#--------------------------#
 FUNCTION man10040_inclui()
#--------------------------#
   INPUT BY NAME m_cod_roteiro
   IF INT_FLAG THEN
      LET INT_FLAG = FALSE
      RETURN
   END IF
   INSERT INTO roteiro (cod_empresa, cod_roteiro)
        VALUES (p_cod_empresa, m_cod_roteiro)
END FUNCTION
