#-------------------------------------------------------------------#
# SISTEMA.: LOGIX - SUPRIMENTOS                                     #
# PROGRAMA: sup0530 - INVENTÁRIO ROTATIVO (exemplo sintético)       #
# OBS.....: programa sem LOG_initApp (esquecido na migração)        #
#-------------------------------------------------------------------#
DATABASE logix

GLOBALS
   DEFINE p_cod_empresa   LIKE empresa.cod_empresa,
          p_user          LIKE usuario.nom_usuario
END GLOBALS

DEFINE m_cod_local        LIKE estoque_lote.cod_local

#------------------#
 FUNCTION sup0530()
#------------------#
   WHENEVER ANY ERROR CONTINUE
   SET ISOLATION TO DIRTY READ
   DEFER INTERRUPT

   CALL sup0530_contagem()
END FUNCTION

#---------------------------#
 FUNCTION sup0530_contagem()
#---------------------------#
   DEFINE l_qtd_locais  INTEGER

   PROMPT "Local de estoque: " FOR m_cod_local

   SELECT COUNT(*)
     INTO l_qtd_locais
     FROM estoque_lote
    WHERE cod_empresa = p_cod_empresa
      AND cod_local   = m_cod_local

   MESSAGE "Itens a contar no local: ", l_qtd_locais USING "<<<<&"
END FUNCTION
