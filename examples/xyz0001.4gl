#-------------------------------------------------------------------#
# PROGRAMA: xyz0001 - ROTINA ESPECÍFICA DE CLIENTE (exemplo)        #
# OBS.....: prefixo XYZ não pertence a nenhuma área, e a chave      #
#           XYZKEY não existe no catálogo                           #
#-------------------------------------------------------------------#
DATABASE logix

#------------------#
 FUNCTION xyz0001()
#------------------#
   IF LOG_initApp("XYZKEY") <> 0 THEN
      RETURN
   END IF

   MESSAGE "Rotina específica executada."
END FUNCTION
