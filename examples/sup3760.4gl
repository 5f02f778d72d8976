#-------------------------------------------------------------------#
# SISTEMA.: LOGIX - SUPRIMENTOS                                     #
# PROGRAMA: sup3760 - EMISSÃO DE ETIQUETAS DE ESTOQUE               #
#           (exemplo sintético no estilo antigo, com MAIN)          #
# OBS.....: ainda usa log001_acessa_usuario (obsoleto)              #
#-------------------------------------------------------------------#
DATABASE logix

GLOBALS
   DEFINE p_cod_empresa   LIKE empresa.cod_empresa,
          p_user          LIKE usuario.nom_usuario,
          p_status        SMALLINT
END GLOBALS

MAIN
   CALL log001_acessa_usuario("SUPRIMEN","LOGERP;LOGLQ2;LOGWMS")
        RETURNING p_status, p_cod_empresa, p_user

   WHENEVER ANY ERROR CONTINUE
   DEFER INTERRUPT

   IF p_status = 0 THEN
      CALL sup3760_controle()
   END IF
END MAIN

#---------------------------#
 FUNCTION sup3760_controle()
#---------------------------#
   DEFINE l_cod_item   LIKE item.cod_item

   OPEN WINDOW w_sup3760 AT 2,2 WITH FORM "sup3760"
        ATTRIBUTE(BORDER, MESSAGE LINE LAST, PROMPT LINE LAST)

   INPUT BY NAME l_cod_item
   IF NOT INT_FLAG THEN
      START REPORT sup3760_etiqueta TO PRINTER
      OUTPUT TO REPORT sup3760_etiqueta(l_cod_item)
      FINISH REPORT sup3760_etiqueta
   END IF

   CLOSE WINDOW w_sup3760
END FUNCTION

#-----------------------------------#
 REPORT sup3760_etiqueta(l_cod_item)
#-----------------------------------#
   DEFINE l_cod_item   LIKE item.cod_item

   FORMAT
      ON EVERY ROW
         PRINT COLUMN 001, "ITEM: ", l_cod_item CLIPPED
END REPORT
